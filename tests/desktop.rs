//! argmap as a desktop citizen: the completions and manual page it prints, and the files a
//! package installs (desktop entry, MIME type, icons) agreeing with each other and with the
//! maps argmap writes.

use std::path::Path;

#[path = "common/run.rs"]
mod run;
use run::{argmap, stderr, stdout};

/// Every command a user can type; completions and the manual page must know them all.
const COMMANDS: [&str; 9] = [
    "check",
    "fmt",
    "export",
    "generate",
    "import",
    "diff",
    "merge",
    "completions",
    "manpage",
];

fn repo_file(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

#[test]
fn bash_completions_offer_every_command_and_their_options() {
    let dir = tempfile::tempdir().unwrap();
    let out = argmap(&["completions", "bash"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let script = stdout(&out);
    assert!(script.contains("complete -F _argmap"), "{script}");
    // The words offered after `argmap `, then a case for each command's own words.
    let first_words = script
        .lines()
        .find(|l| l.trim_start().starts_with("opts=\"-"))
        .expect("opts=");
    for command in COMMANDS {
        assert!(
            first_words.split([' ', '"']).any(|w| w == command),
            "{command} is not offered: {first_words}"
        );
        assert!(
            script.contains(&format!("argmap,{command})")),
            "no case for {command} in the bash completions"
        );
    }
    assert!(
        script.contains("--no-legend"),
        "export's options are missing"
    );
}

#[test]
fn zsh_fish_and_powershell_completions_name_the_commands() {
    let dir = tempfile::tempdir().unwrap();
    for (shell, marker) in [
        ("zsh", "#compdef argmap"),
        ("fish", "complete -c argmap"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let out = argmap(&["completions", shell], dir.path());
        assert_eq!(out.status.code(), Some(0), "{shell}: {}", stderr(&out));
        let script = stdout(&out);
        assert!(script.contains(marker), "{shell}: {script}");
        for command in COMMANDS {
            assert!(script.contains(command), "{shell}: no {command}");
        }
    }
}

#[test]
fn an_unknown_shell_is_refused_with_the_known_ones() {
    let dir = tempfile::tempdir().unwrap();
    let out = argmap(&["completions", "tcsh"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(stdout(&out).is_empty());
    let message = stderr(&out);
    assert!(
        message.contains("tcsh") && message.contains("bash") && message.contains("powershell"),
        "{message}"
    );
}

#[test]
fn the_manual_page_has_its_header_and_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = argmap(&["manpage"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let page = stdout(&out);
    let header = page.lines().find(|l| l.starts_with(".TH ")).expect(".TH");
    assert!(header.starts_with(".TH argmap 1 "), "{header}");
    assert!(header.contains(env!("CARGO_PKG_VERSION")), "{header}");
    assert!(page.contains(".SH SUBCOMMANDS"), "{page}");
    for command in COMMANDS {
        assert!(
            page.contains(&format!("argmap\\-{command}(1)")),
            "no {command} in the manual page"
        );
    }
}

#[test]
fn manpage_to_a_folder_writes_a_page_per_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = argmap(&["manpage", "--to", "man/pages"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let pages = dir.path().join("man/pages");
    let main = std::fs::read_to_string(pages.join("argmap.1")).unwrap();
    assert!(main.contains(".TH argmap 1 "));
    for command in COMMANDS {
        let page = std::fs::read_to_string(pages.join(format!("argmap-{command}.1")))
            .unwrap_or_else(|e| panic!("argmap-{command}.1: {e}"));
        let header = page.lines().find(|l| l.starts_with(".TH ")).expect(".TH");
        assert!(
            header.starts_with(&format!(".TH argmap-{command} 1 ")),
            "{header}"
        );
        assert!(header.contains(env!("CARGO_PKG_VERSION")), "{header}");
    }
    // The export page documents export's own options.
    let export = std::fs::read_to_string(pages.join("argmap-export.1")).unwrap();
    assert!(export.contains("no\\-legend"), "{export}");
}

#[test]
fn manpage_into_an_unwritable_place_fails_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("taken"), "a file, not a folder").unwrap();
    let out = argmap(&["manpage", "--to", "taken"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).starts_with("argmap: error: cannot create taken: "),
        "{}",
        stderr(&out)
    );
}

/// One `<match type="string">` of the MIME definition, with its nested matches.
struct Match {
    value: String,
    offsets: std::ops::RangeInclusive<usize>,
    nested: Vec<Match>,
}

impl Match {
    fn read(node: roxmltree::Node) -> Match {
        assert_eq!(node.attribute("type"), Some("string"));
        let offset = node.attribute("offset").unwrap();
        let offsets = match offset.split_once(':') {
            Some((from, to)) => from.parse().unwrap()..=to.parse().unwrap(),
            None => offset.parse().unwrap()..=offset.parse().unwrap(),
        };
        Match {
            value: node.attribute("value").unwrap().to_owned(),
            offsets,
            nested: node
                .children()
                .filter(|c| c.has_tag_name("match"))
                .map(Match::read)
                .collect(),
        }
    }

    /// As shared-mime-info reads a match: the value starts at one of the offsets, and so do
    /// all the nested ones (any one of them).
    fn matches(&self, bytes: &[u8]) -> bool {
        let value = self.value.as_bytes();
        let here = self
            .offsets
            .clone()
            .any(|at| bytes.get(at..at + value.len()) == Some(value));
        here && (self.nested.is_empty() || self.nested.iter().any(|m| m.matches(bytes)))
    }
}

/// The magic matches of assets/argmap.xml (any one recognises a map).
fn map_magic() -> Vec<Match> {
    let xml = repo_file("assets/argmap.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let magic = doc
        .descendants()
        .find(|n| n.has_tag_name("magic"))
        .expect("a <magic> element");
    let matches: Vec<Match> = magic
        .children()
        .filter(|c| c.has_tag_name("match"))
        .map(Match::read)
        .collect();
    assert!(!matches.is_empty());
    matches
}

fn is_map(magic: &[Match], bytes: &[u8]) -> bool {
    magic.iter().any(|m| m.matches(bytes))
}

#[test]
fn the_mime_magic_recognises_every_map_argmap_writes_and_no_other_ron() {
    let magic = map_magic();
    let bundled = argmap::bundled::ARTICLE_MAP_RON;
    let saved = argmap::format::to_ron_string(&argmap::format::from_ron_str(bundled).unwrap());
    let empty = argmap::format::to_ron_string(&argmap::model::ArgumentMap::new("Empty"));
    for (name, text) in [
        ("maps/khamenei-trump-dialogue.ron", bundled.to_owned()),
        (
            "tests/data/special-characters.ron",
            repo_file("tests/data/special-characters.ron"),
        ),
        ("the bundled map saved", saved),
        ("an empty map saved", empty),
    ] {
        assert!(is_map(&magic, text.as_bytes()), "{name} is not recognised");
    }

    let dir = tempfile::tempdir().unwrap();
    let out = argmap(
        &["generate", "--nodes", "50", "--to", "big.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let generated = std::fs::read(dir.path().join("big.ron")).unwrap();
    assert!(
        is_map(&magic, &generated),
        "a generated map is not recognised"
    );

    for other in [
        "(a: 1, b: [2, 3])\n",
        "format_version: 1\n",
        "Notes: (format_version is argmap's first field)\n",
        "",
    ] {
        assert!(
            !is_map(&magic, other.as_bytes()),
            "{other:?} taken for a map"
        );
    }
}

#[test]
fn the_desktop_entry_opens_maps_with_the_windows_icon_and_class() {
    let entry = repo_file("assets/argmap.desktop");
    let key = |name: &str| {
        entry
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or_else(|| panic!("no {name}= in argmap.desktop"))
            .to_owned()
    };
    assert_eq!(key("Exec"), "argmap %f");
    assert_eq!(key("Icon"), "argmap");
    // The window's app id (src/app/mod.rs), which winit sets as the X11 WM_CLASS class.
    assert_eq!(key("StartupWMClass"), "argmap");
    assert!(repo_file("src/app/mod.rs").contains(".with_app_id(\"argmap\")"));

    let xml = repo_file("assets/argmap.xml");
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let mime_type = doc
        .descendants()
        .find(|n| n.has_tag_name("mime-type"))
        .and_then(|n| n.attribute("type"))
        .unwrap();
    assert_eq!(key("MimeType"), format!("{mime_type};"));
}

#[test]
fn every_icon_size_is_there_and_the_size_its_folder_says() {
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
            "assets/icons/hicolor/{size}x{size}/apps/argmap.png"
        ));
        let file = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{size}: {e}"));
        let info = png::Decoder::new(std::io::BufReader::new(file))
            .read_info()
            .unwrap();
        assert_eq!(
            (info.info().width, info.info().height),
            (size, size),
            "{}",
            path.display()
        );
    }
}
