//! The example in docs/format.md is a real, clean map in canonical form.

#[test]
fn the_documented_example_loads_cleanly_and_is_canonical() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/format.md")).unwrap();
    let start = doc.find("```ron\n").expect("an example") + "```ron\n".len();
    let end = start + doc[start..].find("```").unwrap();
    let example = &doc[start..end];
    let loaded = argmap::format::parse_checked(example.as_bytes()).expect("the example is valid");
    assert!(loaded.warnings.is_empty(), "{:#?}", loaded.warnings);
    assert_eq!(loaded.map.nodes.len(), 4);
    assert_eq!(argmap::format::to_ron_string(&loaded.map), example);
}
