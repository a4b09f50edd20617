//! Reasons in the window: a co-premise and an undercut made with the keyboard, premises
//! joined and split, a link's handle dropped on a reason's arrow, a card dragged into and out
//! of a reason's box, and a critical question answered from the Problems panel — each one
//! undo step, driven headlessly through AccessKit.

#[path = "common/ui.rs"]
mod ui;

use argmap::app::{ArgmapApp, Camera, ScriptedDialogs, Startup};
use argmap::model::{ArgumentMap, Link, Node, NodeId, NodeKind, Position, Relation};
use egui::{Key, Modifiers, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::rc::Rc;

fn id(s: &str) -> NodeId {
    s.into()
}

/// A claim with two pieces of evidence supporting it separately, and a loose counterpoint.
fn two_reasons() -> ArgumentMap {
    let mut map = ArgumentMap::new("Reasons");
    map.nodes = vec![
        Node::new(
            "c",
            NodeKind::Claim,
            "Cities should ban cars",
            Position::new(300.0, 0.0),
        ),
        Node::new(
            "air",
            NodeKind::Evidence,
            "Air got cleaner",
            Position::new(0.0, 300.0),
        ),
        Node::new(
            "shops",
            NodeKind::Evidence,
            "Shops did well",
            Position::new(300.0, 300.0),
        ),
        Node::new(
            "k",
            NodeKind::Counterpoint,
            "The study was one winter",
            Position::new(620.0, 300.0),
        ),
    ];
    map.links = vec![
        Link::new("air", "c", Relation::Supports),
        Link::new("shops", "c", Relation::Supports),
    ];
    map.main_claim = Some("c".into());
    map
}

fn open(map: ArgumentMap) -> Harness<'static, ArgmapApp> {
    let mut harness = ui::harness_with(
        Startup::with_map(map, None),
        Rc::new(ScriptedDialogs::default()),
    );
    harness.state_mut().set_camera(Camera {
        origin: Vec2::new(0.0, 100.0),
        zoom: 1.0,
    });
    harness.run();
    harness
}

fn click_card(harness: &mut Harness<'_, ArgmapApp>, node: &str, modifiers: Modifiers) {
    let label = ui::card_label(harness.state().map(), node);
    harness.get_by_label(&label).click_modifiers(modifiers);
    harness.run();
}

fn type_new_node(harness: &mut Harness<'_, ArgmapApp>, text: &str) {
    harness.get_by_label("Node text").type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn undo(harness: &mut Harness<'_, ArgmapApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
}

fn redo(harness: &mut Harness<'_, ArgmapApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
}

fn node_with_text<'m>(map: &'m ArgumentMap, text: &str) -> &'m Node {
    map.nodes
        .iter()
        .find(|n| n.text == text)
        .expect("the new node")
}

#[test]
fn shift_enter_types_a_co_premise_into_the_selected_premises_reason_and_undo_takes_it_out() {
    let mut harness = open(two_reasons());
    click_card(&mut harness, "air", Modifiers::NONE);
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    harness.run();
    type_new_node(&mut harness, "Traffic fell by half");

    let map = harness.state().map().clone();
    let new = node_with_text(&map, "Traffic fell by half");
    assert_eq!(
        new.kind,
        NodeKind::Evidence,
        "a co-premise is of its neighbour's kind"
    );
    let reason = map.link(&id("air"), &id("c")).unwrap();
    assert_eq!(reason.with, std::slice::from_ref(&new.id));
    assert_eq!(
        map.links.len(),
        2,
        "no separate link: one reason, two premises"
    );
    assert_eq!(
        harness.state().selection().nodes(),
        std::slice::from_ref(&new.id)
    );

    undo(&mut harness);
    assert_eq!(harness.state().map(), &two_reasons());
    redo(&mut harness);
    assert_eq!(harness.state().map(), &map);
}

#[test]
fn u_types_an_undercut_of_the_selected_premises_reason_and_undo_removes_it() {
    let mut harness = open(two_reasons());
    click_card(&mut harness, "air", Modifiers::NONE);
    harness.key_press(Key::U);
    harness.run();
    type_new_node(&mut harness, "Cleaner air came from a windy year");

    let map = harness.state().map().clone();
    let new = node_with_text(&map, "Cleaner air came from a windy year");
    assert_eq!(new.kind, NodeKind::Counterpoint);
    let undercut = map.link(&new.id, &id("c")).expect("the undercut");
    assert_eq!(undercut.undercut_target(), Some((&id("air"), &id("c"))));
    assert_eq!(undercut.relation, Relation::Opposes);
    assert!(
        argmap::model::validate(&map)
            .iter()
            .all(|p| p.severity == argmap::model::Severity::Warning)
    );

    undo(&mut harness);
    assert_eq!(harness.state().map(), &two_reasons());
}

#[test]
fn j_joins_the_selected_premises_into_one_reason_and_shift_j_splits_it() {
    let mut harness = open(two_reasons());
    click_card(&mut harness, "air", Modifiers::NONE);
    click_card(&mut harness, "shops", Modifiers::SHIFT);
    harness.key_press(Key::J);
    harness.run();
    let joined = harness.state().map().clone();
    assert_eq!(joined.links.len(), 1);
    let reason = &joined.links[0];
    assert_eq!(
        reason.premises().collect::<Vec<_>>(),
        [&id("air"), &id("shops")]
    );
    assert_eq!(
        harness.state().selection().link(),
        Some(&(id("air"), id("c"))),
        "the joined reason is selected"
    );

    harness.key_press_modifiers(Modifiers::SHIFT, Key::J);
    harness.run();
    let split = harness.state().map();
    assert_eq!(split.links.len(), 2);
    assert!(split.links.iter().all(|l| !l.is_linked()));

    undo(&mut harness);
    assert_eq!(harness.state().map(), &joined);
    undo(&mut harness);
    assert_eq!(harness.state().map(), &two_reasons());
}

#[test]
fn dropping_a_cards_link_handle_on_a_reasons_arrow_undercuts_it() {
    let mut harness = open(two_reasons());
    click_card(&mut harness, "k", Modifiers::NONE);
    let handle = harness
        .get_by_label("Link from: The study was one winter")
        .rect()
        .center();
    let arrow = harness
        .state()
        .reason_screen_point(&id("air"), &id("c"))
        .unwrap();
    harness.drag_at(handle);
    harness.run();
    harness.hover_at(arrow);
    harness.run();
    harness.drop_at(arrow);
    harness.run();
    let map = harness.state().map().clone();
    let undercut = map.link(&id("k"), &id("c")).expect("an undercut");
    assert_eq!(undercut.undercut_target(), Some((&id("air"), &id("c"))));
    undo(&mut harness);
    assert_eq!(harness.state().map(), &two_reasons());
}

#[test]
fn a_card_dragged_into_a_reasons_box_joins_it_and_dragged_out_leaves_it() {
    let mut map = two_reasons();
    map.links = vec![Link {
        with: vec![id("shops")],
        ..Link::new("air", "c", Relation::Supports)
    }];
    map.nodes.push(Node::new(
        "trees",
        NodeKind::Evidence,
        "Trees grew back",
        Position::new(300.0, 600.0),
    ));
    let mut harness = open(map.clone());
    let drag = |harness: &mut Harness<'_, ArgmapApp>, node: &str, to: egui::Pos2| {
        let start = harness
            .state()
            .node_screen_rect(&id(node))
            .unwrap()
            .center();
        harness.drag_at(start);
        harness.run();
        for step in 1..=5 {
            harness.hover_at(start + (to - start) * (step as f32 / 5.0));
            harness.run();
        }
        harness.drop_at(to);
        harness.run();
    };
    // Into the box: onto the middle of the two premises.
    let a = harness.state().node_screen_rect(&id("air")).unwrap();
    let b = harness.state().node_screen_rect(&id("shops")).unwrap();
    let between = egui::pos2((a.right() + b.left()) / 2.0, a.center().y);
    drag(&mut harness, "trees", between);
    let joined = harness.state().map().clone();
    assert_eq!(joined.links.len(), 1);
    assert_eq!(joined.links[0].with, [id("shops"), id("trees")]);
    undo(&mut harness);
    assert_eq!(
        harness.state().map(),
        &map,
        "the move and the join are one step"
    );

    // Out of the box: far below it.
    let away = b.center() + Vec2::new(0.0, 500.0);
    drag(&mut harness, "shops", away);
    let out = harness.state().map().clone();
    assert_eq!(out.links.len(), 2);
    assert!(!out.link(&id("air"), &id("c")).unwrap().is_linked());
    assert_eq!(
        out.link(&id("shops"), &id("c")).map(|l| l.relation),
        Some(Relation::Supports),
        "it keeps bearing on the claim, on its own"
    );
    undo(&mut harness);
    assert_eq!(harness.state().map(), &map);
}

#[test]
fn a_critical_question_is_answered_from_the_problems_panel() {
    let mut map = two_reasons();
    map.links[0].scheme = Some("expert_opinion".into());
    let mut harness = open(map.clone());
    harness.get_by_label_contains("Problems (").click();
    harness.run();
    let open_before = harness.query_all_by_label("Answer…").count();
    assert!(
        open_before >= 6,
        "expert opinion has six questions, all open"
    );
    harness.get_all_by_label("Answer…").next().unwrap().click();
    harness.run();
    type_new_node(&mut harness, "The mayor's adviser is no air scientist");
    let after = harness.state().map().clone();
    let new = node_with_text(&after, "The mayor's adviser is no air scientist");
    let answer = after.link(&new.id, &id("c")).unwrap();
    assert_eq!(answer.undercut_target(), Some((&id("air"), &id("c"))));
    assert_eq!(answer.answers, Some(1));
    // The Problems panel updates (the check may run in the background).
    for _ in 0..50 {
        harness.run();
        if harness.query_all_by_label("Answer…").count() < open_before {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert_eq!(
        harness.query_all_by_label("Answer…").count(),
        open_before - 1
    );
    undo(&mut harness);
    assert_eq!(harness.state().map(), &map);
}

#[test]
fn a_linked_reason_and_an_undercut_are_widgets_that_say_what_they_are_and_select_the_reason() {
    // Plain links are no widgets of their own: their cards say enough.
    let plain = open(two_reasons());
    assert!(plain.query_by_label_contains("Reason: \"").is_none());
    assert!(plain.query_by_label_contains("Linked reason: ").is_none());
    drop(plain);

    let mut map = two_reasons();
    map.links[0].with = vec![id("shops")];
    map.links.remove(1);
    map.links[0].scheme = Some("sign".into());
    map.links.push(Link::undercut("k", "air", "c"));
    let mut harness = open(map);

    let linked = "Linked reason: \"Air got cleaner\" and \"Shops did well\" together support \
                  \"Cities should ban cars\" (Argument From Sign)";
    let undercut = "Undercut: \"The study was one winter\" against the reason \"Air got \
                    cleaner\" for \"Cities should ban cars\"";
    harness.get_by_label(undercut);
    // A click on the reason's marker selects the reason.
    harness.get_by_label(linked).click();
    harness.run();
    assert_eq!(
        harness.state().selection().link(),
        Some(&(id("air"), id("c")))
    );
}
