//! Sources in the window: citing, the reader pane, and the argument check.

#[path = "common/ui.rs"]
mod ui;

use argmap::app::{ArgmapApp, Camera, ScriptedDialogs, Startup};
use argmap::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation, Reliability, Source};
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::rc::Rc;

const REPORT: &str = "The city report found that air quality improved in every district.\n\
    Shop owners, however, said footfall fell in the first months.\n\
    By the second year footfall had recovered.";

fn map() -> ArgumentMap {
    let mut map = ArgumentMap::new("Sources");
    let mut report = Source::new("report", "City air report");
    report.reliability = Some(Reliability::B);
    report.text = Some(REPORT.into());
    map.sources.push(report);
    map.sources.push(Source::new("blog", "A blog post"));
    map.nodes = vec![
        Node::new(
            "c",
            NodeKind::Claim,
            "Ban cars downtown",
            Position::new(0.0, 0.0),
        ),
        Node::new(
            "e",
            NodeKind::Evidence,
            "Air got cleaner",
            Position::new(-150.0, 250.0),
        ),
    ];
    map.nodes[1].citations.push(argmap::model::Citation::new(
        "report",
        "air quality improved in every district",
    ));
    map.links = vec![Link::new("e", "c", Relation::Supports)];
    map
}

fn harness() -> Harness<'static, ArgmapApp> {
    let mut harness = ui::harness_with(
        Startup::with_map(map(), None),
        Rc::new(ScriptedDialogs::default()),
    );
    harness.state_mut().set_camera(Camera {
        origin: Vec2::new(400.0, 150.0),
        zoom: 1.0,
    });
    harness.run();
    harness
}

fn click_card(harness: &mut Harness<'_, ArgmapApp>, id: &str) {
    let label = ui::card_label(harness.state().map(), id);
    harness.get_by_label(&label).click();
    harness.run();
}

#[test]
fn a_source_is_cited_from_the_inspector_and_the_quote_added() {
    let mut harness = harness();
    click_card(&mut harness, "c");
    harness.get_by_label("Cite").click();
    harness.run();
    // The picker lists the library; choose the report.
    harness
        .get_by_role_and_label(egui::Role::Button, "City air report")
        .click();
    harness.run();
    let cited = harness
        .state()
        .map()
        .node(&"c".into())
        .unwrap()
        .citations
        .clone();
    assert_eq!(cited.len(), 1);
    assert_eq!(cited[0].source.as_str(), "report");
    harness
        .get_by_role_and_label(egui::Role::MultilineTextInput, "Quote (exact words)")
        .click();
    harness.run();
    harness
        .get_by_role_and_label(egui::Role::MultilineTextInput, "Quote (exact words)")
        .type_text("footfall had recovered");
    harness.run();
    // Leaving the field commits the quote (and Ctrl+Z is then the map's undo again).
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(
        harness.state().map().node(&"c".into()).unwrap().citations[0].quote,
        "footfall had recovered"
    );
    // One undo takes the quote back, another the citation.
    for _ in 0..2 {
        harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
        harness.run();
    }
    assert_eq!(harness.state().map(), &map());
}

#[test]
fn dragging_a_source_onto_a_card_cites_it() {
    let mut harness = harness();
    harness.get_by_label("Sources (2)").click();
    harness.run();
    let from = harness.get_by_label("A blog post").rect().center();
    let to = harness
        .state()
        .node_screen_rect(&"c".into())
        .unwrap()
        .center();
    harness.drag_at(from);
    harness.run();
    for step in 1..=4 {
        harness.hover_at(from + (to - from) * (step as f32 / 4.0));
        harness.run();
    }
    harness.drop_at(to);
    harness.run();
    let citations = &harness.state().map().node(&"c".into()).unwrap().citations;
    assert_eq!(citations.len(), 1);
    assert_eq!(citations[0].source.as_str(), "blog");
}

#[test]
fn selecting_text_in_the_reader_makes_evidence_that_quotes_it() {
    let mut harness = harness();
    click_card(&mut harness, "c");
    harness.get_by_label("Reader").click();
    harness.run();
    let text = harness.get_by_label("Text of City air report").rect();
    // Drag across the start of the second line of the text.
    let y = text.top() + 30.0;
    harness.drag_at(egui::pos2(text.left() + 2.0, y));
    harness.run();
    harness.hover_at(egui::pos2(text.left() + 160.0, y));
    harness.run();
    harness.drop_at(egui::pos2(text.left() + 160.0, y));
    harness.run();
    harness.get_by_label("New evidence from selection").click();
    harness.run();

    let map = harness.state().map();
    assert_eq!(map.nodes.len(), 3);
    let new = map.nodes.last().unwrap();
    assert_eq!(new.kind, NodeKind::Evidence);
    assert!(!new.text.is_empty());
    assert_eq!(new.citations.len(), 1);
    assert_eq!(new.citations[0].quote, new.text);
    assert!(
        argmap::text::contains_normalized(REPORT, &new.text),
        "{:?}",
        new.text
    );
    assert_eq!(
        map.link(&new.id, &"c".into()).unwrap().relation,
        Relation::Supports,
        "it supports the selected claim"
    );
    assert_eq!(harness.state().selection().primary(), Some(&new.id));
}

#[test]
fn clicking_a_highlighted_quote_selects_the_node_that_cites_it() {
    let mut harness = harness();
    harness.get_by_label("Reader").click();
    harness.run();
    assert!(harness.state().selection().is_empty());
    let at = harness
        .state()
        .reader_highlight(&"e".into())
        .expect("the quote is highlighted")
        .center();
    harness.drag_at(at);
    harness.run();
    harness.drop_at(at);
    harness.run();
    assert_eq!(
        harness.state().selection().primary().map(|id| id.as_str()),
        Some("e")
    );
}

#[test]
fn a_problem_in_the_list_selects_its_node() {
    let mut harness = ui::bundled();
    harness.get_by_label("Problems (3)").click();
    harness.run();
    harness
        .get_by_label("Counterpoint \"cp-failure-framing\" is not answered by anything.")
        .click();
    harness.run();
    assert_eq!(
        harness.state().selection().primary().map(|id| id.as_str()),
        Some("cp-failure-framing")
    );
}

#[test]
fn deleting_a_cited_source_asks_first_and_names_the_nodes() {
    let mut harness = harness();
    harness.get_by_label("Sources (2)").click();
    harness.run();
    // The report is listed first (by title: "A blog post" < "City air report"); its Delete is the second.
    let deletes: Vec<_> = harness.query_all_by_label("Delete").collect();
    assert_eq!(deletes.len(), 2);
    deletes[1].click();
    harness.run();
    harness.get_by_label("Delete this source?");
    harness.get_by_label("• Air got cleaner");
    harness.get_by_label("Delete source and citations").click();
    harness.run();
    let map = harness.state().map();
    assert!(map.source(&"report".into()).is_none());
    assert!(map.node(&"e".into()).unwrap().citations.is_empty());
}
