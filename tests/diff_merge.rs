//! `argmap diff` and `argmap merge`: item-level changes, three-way merges, exit codes, and use
//! as git's diff and merge drivers in a real repository.

mod common;

use argmap::diff::{Entry, diff, merge};
use argmap::format::{from_ron_str, to_ron_string};
use argmap::model::{ArgumentMap, Link, Node, NodeKind, Position, Relation, has_errors, validate};
use proptest::prelude::*;
use std::path::Path;
use std::process::{Command, Output};

#[path = "common/run.rs"]
mod run;
use run::{argmap, stderr, stdout};

fn only_reordering(old: &ArgumentMap, new: &ArgumentMap) -> bool {
    diff(old, new)
        .entries
        .iter()
        .all(|e| matches!(e, Entry::Reordered(_)))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_change_on_one_side_only_is_taken_whole(x in common::valid_map(), y in common::valid_map()) {
        for m in [merge(&x, &x, &y), merge(&x, &y, &x), merge(&x, &y, &y)] {
            prop_assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
            prop_assert!(only_reordering(&y, &m.map), "{}", diff(&y, &m.map));
        }
    }

    #[test]
    fn any_merge_gives_a_valid_map(b in common::valid_map(), o in common::valid_map(), t in common::valid_map()) {
        let m = merge(&b, &o, &t);
        prop_assert!(!has_errors(&validate(&m.map)), "{:?}\n{:?}", validate(&m.map), m.conflicts);
        // Deterministic.
        prop_assert_eq!(&merge(&b, &o, &t).map, &m.map);
    }

    #[test]
    fn diff_is_empty_exactly_when_maps_are_equal(x in common::valid_map(), y in common::valid_map()) {
        prop_assert!(diff(&x, &x).is_empty());
        prop_assert_eq!(diff(&x, &y).is_empty(), comparable(&x) == comparable(&y));
    }
}

/// Maps compared as diff sees them (positions rounded, citations as sets ignoring duplicates).
fn comparable(map: &ArgumentMap) -> String {
    let mut m = map.clone();
    for n in &mut m.nodes {
        n.pos = n.pos.rounded();
        n.citations.sort_by(|a, b| {
            (a.source.as_str(), &a.quote, &a.locator).cmp(&(
                b.source.as_str(),
                &b.quote,
                &b.locator,
            ))
        });
        n.citations.dedup();
    }
    to_ron_string(&m)
}

// The command line.

fn article() -> ArgumentMap {
    argmap::bundled::article_map()
}

fn write(dir: &Path, name: &str, map: &ArgumentMap) {
    std::fs::write(dir.join(name), to_ron_string(map)).unwrap();
}

fn read(dir: &Path, name: &str) -> ArgumentMap {
    from_ron_str(&std::fs::read_to_string(dir.join(name)).unwrap()).unwrap()
}

fn set_text(map: &mut ArgumentMap, id: &str, text: &str) {
    map.node_mut(&id.into()).unwrap().text = text.into();
}

fn add_node(map: &mut ArgumentMap, id: &str, to: &str) {
    map.nodes.push(Node::new(
        id,
        NodeKind::Evidence,
        format!("Text of {id}."),
        Position::new(0.0, 3000.0),
    ));
    map.links.push(Link::new(id, to, Relation::Supports));
}

#[test]
fn cli_diff_exit_codes_and_output() {
    let dir = tempfile::tempdir().unwrap();
    let old = article();
    let mut new = article();
    set_text(&mut new, "main", "A new main claim.");
    new.nodes.retain(|n| n.id.as_str() != "cp-failure-framing");
    new.links
        .retain(|l| l.from.as_str() != "cp-failure-framing");
    write(dir.path(), "old.ron", &old);
    write(dir.path(), "new.ron", &new);

    let same = argmap(&["diff", "old.ron", "old.ron"], dir.path());
    assert_eq!(same.status.code(), Some(0));
    assert_eq!(stdout(&same), "");

    let changed = argmap(&["diff", "old.ron", "new.ron"], dir.path());
    assert_eq!(changed.status.code(), Some(1));
    let out = stdout(&changed);
    assert!(
        out.starts_with("~ node \"main\":\n    text: \"Khamenei rules out"),
        "{out}"
    );
    assert!(out.contains("→ \"A new main claim.\"\n"), "{out}");
    assert!(
        out.contains("- node \"cp-failure-framing\" (counterpoint): "),
        "{out}"
    );
    assert!(
        out.contains("- link \"cp-failure-framing\" → \"claim-refusal-costly\" (opposes)\n"),
        "{out}"
    );
    assert_eq!(out.lines().count(), 4, "{out}");

    let missing = argmap(&["diff", "old.ron", "nope.ron"], dir.path());
    assert_eq!(missing.status.code(), Some(2));
    assert!(stderr(&missing).contains("nope.ron"));
}

#[test]
fn cli_diff_as_git_external_diff() {
    let dir = tempfile::tempdir().unwrap();
    let old = article();
    let mut new = article();
    add_node(&mut new, "ev-new", "main");
    write(dir.path(), "old.ron", &old);
    write(dir.path(), "new.ron", &new);
    let args = [
        "diff",
        "--git",
        "maps/a.ron",
        "old.ron",
        "1111111",
        "100644",
        "new.ron",
        "2222222",
        "100644",
    ];
    let out = argmap(&args, dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(
        stdout(&out),
        "diff --argmap a/maps/a.ron b/maps/a.ron\n+ node \"ev-new\" (evidence): \"Text of ev-new.\"\n+ link \"ev-new\" → \"main\" (supports)\n"
    );
    // A new file: git passes /dev/null for the missing side.
    let added = argmap(
        &[
            "diff",
            "--git",
            "a.ron",
            "/dev/null",
            ".",
            ".",
            "new.ron",
            "2",
            "100644",
        ],
        dir.path(),
    );
    assert_eq!(added.status.code(), Some(0));
    assert_eq!(
        stdout(&added)
            .lines()
            .filter(|l| l.starts_with("+ node"))
            .count(),
        new.nodes.len()
    );
    // A side that is not a map (say, with conflict markers) falls back to its changed lines.
    std::fs::write(dir.path().join("broken.ron"), "(\n<<<<<<< ours\n").unwrap();
    let broken = argmap(
        &[
            "diff",
            "--git",
            "a.ron",
            "old.ron",
            "1",
            "100644",
            "broken.ron",
            "2",
            "100644",
        ],
        dir.path(),
    );
    assert_eq!(broken.status.code(), Some(0));
    let text = stdout(&broken);
    assert!(text.contains("argmap: broken.ron:"), "{text}");
    assert!(text.contains("+<<<<<<< ours"), "{text}");
    let wrong = argmap(&["diff", "--git", "a.ron", "old.ron"], dir.path());
    assert_eq!(wrong.status.code(), Some(2));
}

#[test]
fn cli_merge_clean_and_conflicting() {
    let dir = tempfile::tempdir().unwrap();
    let base = article();
    let mut ours = article();
    add_node(&mut ours, "ev-ours", "main");
    set_text(&mut ours, "claim-agenda-gap", "Ours' wording.");
    let mut theirs = article();
    add_node(&mut theirs, "ev-theirs", "main");
    set_text(&mut theirs, "cp-failure-framing", "Theirs' wording.");
    write(dir.path(), "base.ron", &base);
    write(dir.path(), "ours.ron", &ours);
    write(dir.path(), "theirs.ron", &theirs);

    let out = argmap(
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs.ron",
            "-o",
            "merged.ron",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged = read(dir.path(), "merged.ron");
    assert!(merged.node(&"ev-ours".into()).is_some() && merged.node(&"ev-theirs".into()).is_some());
    assert_eq!(
        merged.node(&"claim-agenda-gap".into()).unwrap().text,
        "Ours' wording."
    );
    assert_eq!(
        merged.node(&"cp-failure-framing".into()).unwrap().text,
        "Theirs' wording."
    );
    assert_eq!(merged.links.len(), base.links.len() + 2);
    let check = argmap(&["check", "merged.ron"], dir.path());
    assert_eq!(check.status.code(), Some(0), "{}", stdout(&check));

    let mut theirs2 = article();
    set_text(&mut theirs2, "claim-agenda-gap", "Theirs' wording.");
    write(dir.path(), "theirs2.ron", &theirs2);
    let out = argmap(
        &[
            "merge",
            "base.ron",
            "ours.ron",
            "theirs2.ron",
            "-o",
            "merged2.ron",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "merged2.ron: conflict: node \"claim-agenda-gap\" text changed on both sides: ours \"Ours' wording.\" / theirs \"Theirs' wording.\""
        ),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        read(dir.path(), "merged2.ron")
            .node(&"claim-agenda-gap".into())
            .unwrap()
            .text,
        "Ours' wording."
    );

    // git passes an empty base when both sides added the file.
    std::fs::write(dir.path().join("empty.ron"), "").unwrap();
    let out = argmap(
        &[
            "merge",
            "empty.ron",
            "ours.ron",
            "ours.ron",
            "-o",
            "merged3.ron",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let out = argmap(
        &[
            "merge",
            "missing.ron",
            "ours.ron",
            "ours.ron",
            "-o",
            "m.ron",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
}

fn git(dir: &Path, args: &[&str]) -> Output {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("HOME", dir)
        .output()
        .expect("git runs")
}

fn git_ok(dir: &Path, args: &[&str]) {
    let out = git(dir, args);
    assert!(
        out.status.success(),
        "git {args:?}: {}{}",
        stdout(&out),
        stderr(&out)
    );
}

#[test]
fn git_uses_argmap_as_merge_and_diff_driver() {
    if Command::new("git").arg("--version").output().is_err() {
        eprintln!("git is not installed; skipping");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path();
    let bin = env!("CARGO_BIN_EXE_argmap");
    git_ok(repo, &["init", "-q", "-b", "main"]);
    git_ok(repo, &["config", "user.name", "Test"]);
    git_ok(repo, &["config", "user.email", "test@example.org"]);
    git_ok(
        repo,
        &[
            "config",
            "merge.argmap.driver",
            &format!("'{bin}' merge %O %A %B -o %A"),
        ],
    );
    git_ok(
        repo,
        &[
            "config",
            "diff.argmap.command",
            &format!("'{bin}' diff --git"),
        ],
    );
    std::fs::write(
        repo.join(".gitattributes"),
        "*.ron merge=argmap diff=argmap\n",
    )
    .unwrap();
    write(repo, "map.ron", &article());
    git_ok(repo, &["add", "."]);
    git_ok(repo, &["commit", "-q", "-m", "base"]);

    // Both branches add a node at the end of the node list: a conflict for a line merge.
    git_ok(repo, &["checkout", "-q", "-b", "theirs"]);
    let mut theirs = article();
    add_node(&mut theirs, "ev-theirs", "main");
    write(repo, "map.ron", &theirs);
    git_ok(repo, &["commit", "-q", "-am", "theirs"]);
    git_ok(repo, &["checkout", "-q", "main"]);
    let mut ours = article();
    add_node(&mut ours, "ev-ours", "claim-refusal-costly");
    write(repo, "map.ron", &ours);
    git_ok(repo, &["commit", "-q", "-am", "ours"]);

    let merged = git(repo, &["merge", "-q", "--no-edit", "theirs"]);
    assert!(
        merged.status.success(),
        "{}{}",
        stdout(&merged),
        stderr(&merged)
    );
    let text = std::fs::read_to_string(repo.join("map.ron")).unwrap();
    assert!(!text.contains("<<<<<<<"));
    let map = from_ron_str(&text).unwrap();
    assert!(map.node(&"ev-ours".into()).is_some() && map.node(&"ev-theirs".into()).is_some());
    assert!(!has_errors(&validate(&map)));

    // `git diff` shows the merge's change against ours as items.
    let shown = git(repo, &["diff", "HEAD~1", "HEAD", "--", "map.ron"]);
    assert!(shown.status.success(), "{}", stderr(&shown));
    assert_eq!(
        stdout(&shown),
        "diff --argmap a/map.ron b/map.ron\n+ node \"ev-theirs\" (evidence): \"Text of ev-theirs.\"\n+ link \"ev-theirs\" → \"main\" (supports)\n"
    );

    // The same node's text changed on both branches: a conflict, ours' text kept.
    git_ok(repo, &["checkout", "-q", "theirs"]);
    let mut t = read(repo, "map.ron");
    set_text(&mut t, "main", "Theirs says so.");
    write(repo, "map.ron", &t);
    git_ok(repo, &["commit", "-q", "-am", "theirs edits main"]);
    git_ok(repo, &["checkout", "-q", "main"]);
    let mut o = read(repo, "map.ron");
    set_text(&mut o, "main", "Ours says so.");
    write(repo, "map.ron", &o);
    git_ok(repo, &["commit", "-q", "-am", "ours edits main"]);
    let conflicted = git(repo, &["merge", "--no-edit", "theirs"]);
    assert!(!conflicted.status.success());
    let said = format!("{}{}", stdout(&conflicted), stderr(&conflicted));
    assert!(said.contains("conflict: node \"main\" text changed on both sides: ours \"Ours says so.\" / theirs \"Theirs says so.\""), "{said}");
    assert_eq!(
        read(repo, "map.ron").node(&"main".into()).unwrap().text,
        "Ours says so."
    );
}

/// A map with a duplicate node id, a link to a missing node and a citation of a missing source.
const INVALID_MAP: &str = r#"(
    format_version: 1,
    title: "Broken",
    nodes: [
        (id: "a", kind: Claim, text: "A.", pos: (x: 0, y: 0)),
        (id: "a", kind: Claim, text: "A again.", pos: (x: 0, y: 200)),
        (
            id: "e",
            kind: Evidence,
            text: "E.",
            pos: (x: 0, y: 400),
            citations: [(source: "nowhere")],
        ),
    ],
    links: [
        (from: "e", to: "a", relation: Supports),
        (from: "e", to: "ghost", relation: Supports),
    ],
)
"#;

#[test]
fn merge_refuses_invalid_maps_naming_each_problem_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("x.ron"), INVALID_MAP).unwrap();
    assert!(
        has_errors(&validate(&from_ron_str(INVALID_MAP).unwrap())),
        "the test map parses but is invalid"
    );
    // As git runs the driver: merge %O %A %B -o %A.
    let out = argmap(
        &["merge", "x.ron", "x.ron", "x.ron", "-o", "x.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let said = stderr(&out);
    for problem in [
        "x.ron:6:9: error: duplicate node id \"a\" (also node #1)",
        "error: link \"e\" -> \"ghost\" refers to missing node \"ghost\"",
        "error: node \"e\" cites missing source \"nowhere\"",
        "not merged: ",
    ] {
        assert!(said.contains(problem), "{problem:?} in\n{said}");
    }
    // Every problem is said once per file it is in, with its place.
    assert_eq!(said.matches("x.ron:").count(), 9, "{said}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("x.ron")).unwrap(),
        INVALID_MAP
    );
    // Into another file: nothing is written.
    let out = argmap(
        &["merge", "x.ron", "x.ron", "x.ron", "-o", "out.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("out.ron").exists());
}

#[test]
fn diff_of_identical_maps_with_duplicate_ids_shows_no_change_and_says_the_problem() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.ron"), INVALID_MAP).unwrap();
    std::fs::write(dir.path().join("b.ron"), INVALID_MAP).unwrap();
    let out = argmap(&["diff", "a.ron", "b.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stdout(&out));
    assert_eq!(stdout(&out), "");
    let said = stderr(&out);
    assert!(
        said.contains("a.ron:6:9: error: duplicate node id \"a\" (also node #1)")
            && said.contains("b.ron:6:9: error: duplicate node id \"a\""),
        "{said}"
    );
    // The second "a" is compared with the other second "a".
    let changed = INVALID_MAP.replace("A again.", "A changed.");
    std::fs::write(dir.path().join("b.ron"), changed).unwrap();
    let out = argmap(&["diff", "a.ron", "b.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stdout(&out),
        "~ node \"a\":\n    text: \"A again.\" → \"A changed.\"\n"
    );
}

#[test]
fn fresh_ids_in_a_merge_never_wrap_onto_a_used_id() {
    let base = article();
    let mut ours = article();
    add_node(&mut ours, &format!("n{}", u64::MAX), "main");
    add_node(&mut ours, "n7", "main");
    set_text(&mut ours, "n7", "Ours' n7.");
    let mut theirs = article();
    add_node(&mut theirs, "n0", "main");
    set_text(&mut theirs, "n0", "Theirs' n0.");
    add_node(&mut theirs, "n7", "main");
    set_text(&mut theirs, "n7", "Theirs' n7.");
    let m = merge(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    assert!(!has_errors(&validate(&m.map)));
    let text = |id: &str| m.map.node(&id.into()).map(|n| n.text.clone());
    assert_eq!(text("n0").as_deref(), Some("Theirs' n0."));
    assert_eq!(text("n7").as_deref(), Some("Ours' n7."));
    let renamed: Vec<_> = m
        .map
        .nodes
        .iter()
        .filter(|n| n.text == "Theirs' n7.")
        .map(|n| n.id.as_str())
        .collect();
    assert_eq!(renamed, ["n1"], "the first number no map uses");
    assert_eq!(m.map.nodes.len(), base.nodes.len() + 4);
}

#[test]
fn diff_shows_a_long_text_change_as_its_changed_words() {
    let old = article();
    let mut new = article();
    let main = old.node(&"main".into()).unwrap().text.clone();
    let first = main.split_whitespace().next().unwrap();
    set_text(&mut new, "main", &main.replacen(first, "Reportedly", 1));
    new.sources[0].text = Some("A short new text of the source.".into());
    let shown = diff(&old, &new).to_string();
    assert!(
        shown.contains(&format!("    text: [-{first}-]{{+Reportedly+}} ")),
        "{shown}"
    );
    assert!(
        shown.contains("…\n"),
        "context is cut to a few words: {shown}"
    );
    // A source's new text shows its words, not just its length.
    let source = &shown[shown
        .find("~ source \"article\":")
        .expect("the source changed")..];
    assert!(
        source.contains("    text: ") && source.contains("new"),
        "{source}"
    );
    assert!(!source.contains("characters →"), "{source}");
}

#[test]
fn a_huge_changed_text_is_compared_quickly_and_shown_briefly() {
    // Two unrelated megabyte texts: the word diff gives up at its deadline, the output stays short.
    let mut old = article();
    let mut new = article();
    let words = |seed: u64| {
        let mut x = seed;
        (0..200_000)
            .map(|_| {
                x = x
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                format!("w{}", x >> 52)
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    old.sources[0].text = Some(words(1));
    new.sources[0].text = Some(words(2));
    let shown = diff(&old, &new).to_string();
    assert!(shown.starts_with("~ source "), "{shown}");
    assert!(shown.len() < 10_000, "{} bytes", shown.len());
}

#[test]
fn git_diff_fallback_shows_changed_lines_as_a_unified_diff() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("old.ron"), "(\nkeep\nold line\nkeep too\n").unwrap();
    std::fs::write(dir.path().join("new.ron"), "(\nkeep\nnew line\nkeep too\n").unwrap();
    let out = argmap(
        &[
            "diff", "--git", "m.ron", "old.ron", "1", "100644", "new.ron", "2", "100644",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.ends_with(
            "(showing the changed lines instead)\n--- a/m.ron\n+++ b/m.ron\n@@ -1,4 +1,4 @@\n (\n keep\n-old line\n+new line\n keep too\n"
        ),
        "{text}"
    );
}

/// A claim with a linked reason (two premises, a scheme) and an undercut of it.
fn reasons_map() -> ArgumentMap {
    let mut map = ArgumentMap::new("Reasons");
    for (id, kind) in [
        ("t", NodeKind::Claim),
        ("a", NodeKind::Evidence),
        ("b", NodeKind::Evidence),
        ("c", NodeKind::Evidence),
        ("u", NodeKind::Counterpoint),
    ] {
        map.nodes.push(Node::new(
            id,
            kind,
            format!("Text {id}"),
            Position::new(0.0, 0.0),
        ));
    }
    map.links = vec![
        Link {
            with: vec!["b".into()],
            scheme: Some("sign".into()),
            ..Link::new("a", "t", Relation::Supports)
        },
        Link::undercut("u", "a", "t"),
    ];
    map
}

#[test]
fn merge_keeps_every_part_of_a_reason_and_a_part_changed_on_both_sides_is_a_conflict() {
    let base = reasons_map();
    // Ours adds a co-premise, theirs sets a warrant: both kept, no conflict.
    let mut ours = base.clone();
    ours.links[0].with.push("c".into());
    let mut theirs = base.clone();
    theirs.links[0].warrant = Some("Where there's smoke…".into());
    let m = merge(&base, &ours, &theirs);
    assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    let reason = m.map.link(&"a".into(), &"t".into()).unwrap();
    assert_eq!(
        reason.with,
        ["b".into(), "c".into()] as [argmap::model::NodeId; 2]
    );
    assert_eq!(reason.scheme.as_deref(), Some("sign"));
    assert_eq!(reason.warrant.as_deref(), Some("Where there's smoke…"));
    assert!(m.map.link(&"u".into(), &"t".into()).unwrap().is_undercut());

    // Both change the scheme differently: a conflict naming it, ours kept.
    let (mut ours, mut theirs) = (base.clone(), base.clone());
    ours.links[0].scheme = Some("expert_opinion".into());
    theirs.links[0].scheme = Some("cause_to_effect".into());
    let m = merge(&base, &ours, &theirs);
    assert_eq!(m.conflicts.len(), 1, "{:?}", m.conflicts);
    assert!(m.conflicts[0].contains("scheme"), "{}", m.conflicts[0]);

    // Theirs deletes a node ours adds as a co-premise: the node is kept, the map valid.
    let mut ours = base.clone();
    ours.links[0].with.push("c".into());
    let mut theirs = base.clone();
    theirs.nodes.retain(|n| n.id.as_str() != "c");
    let m = merge(&base, &ours, &theirs);
    assert!(!has_errors(&validate(&m.map)), "{:?}", validate(&m.map));
    assert!(m.map.node(&"c".into()).is_some());
    assert!(!m.conflicts.is_empty());
}

#[test]
fn diff_reports_a_reasons_premises_scheme_and_undercut_as_they_change() {
    let old = reasons_map();
    let mut new = old.clone();
    new.links[0].with = vec!["b".into(), "c".into()];
    new.links[0].scheme = None;
    let text = diff(&old, &new).to_string();
    assert!(text.contains("~ reason \"a\" → \"t\":"), "{text}");
    assert!(
        text.contains("co-premises: [\"b\"] → [\"b\", \"c\"]"),
        "{text}"
    );
    assert!(text.contains("scheme: \"sign\" → none"), "{text}");
    assert!(diff(&old, &old).entries.is_empty());
}
