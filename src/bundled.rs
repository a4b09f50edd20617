//! Maps built into the binary, so argmap opens something useful from any folder.

use crate::model::ArgumentMap;

/// The file name the article map ships under in `maps/`.
pub const ARTICLE_MAP_FILE: &str = "khamenei-trump-dialogue.ron";

/// "Is Khamenei Ruling out Dialogue with Trump?" (Yossi Mansharof), mapped.
pub const ARTICLE_MAP_RON: &str = include_str!("../maps/khamenei-trump-dialogue.ron");

/// The article map, parsed. Its validity is checked by the test suite, so this cannot fail
/// in a released build.
pub fn article_map() -> ArgumentMap {
    crate::format::from_ron_str(ARTICLE_MAP_RON).expect("the bundled article map parses")
}
