//! The catalogue of argumentation schemes and their critical questions. The catalogue is data,
//! kept in `assets/schemes.ron` and built into the binary; this reads it once.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

/// One scheme: the pattern a reason follows, and the questions that test it.
#[derive(Clone, Debug, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    /// What a map stores: `expert_opinion`.
    pub id: String,
    /// The name AIF and OVA use: "Argument From Expert Opinion".
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    /// The critical questions, numbered from 1 in this order.
    pub questions: Vec<String>,
}

const CATALOGUE: &str = include_str!("../../assets/schemes.ron");

/// Every scheme of the catalogue, in its order.
pub fn schemes() -> &'static [Scheme] {
    static SCHEMES: OnceLock<Vec<Scheme>> = OnceLock::new();
    SCHEMES.get_or_init(|| {
        // The catalogue is part of the program, checked by a test: it always reads.
        ron::from_str(CATALOGUE).expect("assets/schemes.ron is a valid catalogue")
    })
}

/// The catalogue's scheme for a stored id, or for a name or alias as another tool writes it
/// ("Argument From Expert Opinion", "expert-opinion"), ignoring case, spaces, hyphens and
/// underscores. `None` for a scheme the catalogue does not know.
pub fn find(name: &str) -> Option<&'static Scheme> {
    // Every id, name and alias, normalised once: validation asks for each schemed reason,
    // and normalising the whole catalogue per question cost more than the rest of `check`.
    static KEYS: OnceLock<HashMap<String, usize>> = OnceLock::new();
    let keys = KEYS.get_or_init(|| {
        let mut keys = HashMap::new();
        for (i, s) in schemes().iter().enumerate() {
            let names = [&s.id, &s.name].into_iter().chain(&s.aliases);
            for n in names {
                // The first scheme to claim a key keeps it, as a search in order would.
                keys.entry(normalised(n)).or_insert(i);
            }
        }
        keys
    });
    let key = normalised(name);
    if key.is_empty() {
        return None;
    }
    keys.get(&key).map(|&i| &schemes()[i])
}

/// The name to show for a stored scheme: the catalogue's name, or the text as stored.
pub fn display_name(stored: &str) -> &str {
    find(stored).map_or(stored, |s| s.name.as_str())
}

/// A scheme name as names are compared: letters and digits only, lower case.
pub(crate) fn normalised(name: &str) -> String {
    name.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn the_catalogue_reads_and_every_scheme_has_questions_and_a_unique_id() {
        let all = schemes();
        assert!(all.len() >= 12, "{} schemes", all.len());
        let mut ids = HashSet::new();
        for s in all {
            assert!(ids.insert(&s.id), "duplicate id {}", s.id);
            assert!(!s.questions.is_empty(), "{} has no questions", s.id);
            assert!(find(&s.id).is_some_and(|f| f.id == s.id));
        }
        assert_eq!(find("expert_opinion").unwrap().questions.len(), 6);
    }

    #[test]
    fn names_from_other_tools_find_the_scheme() {
        assert_eq!(
            find("Argument From Expert Opinion").unwrap().id,
            "expert_opinion"
        );
        assert_eq!(find("expert-opinion").unwrap().id, "expert_opinion");
        assert_eq!(find("ARGUMENT FROM SIGN").unwrap().id, "sign");
        assert_eq!(
            find("Practical Inference").unwrap().id,
            "practical_reasoning"
        );
        assert!(find("Default Inference").is_none());
        assert!(find("").is_none());
        assert_eq!(
            display_name("cause_to_effect"),
            "Argument From Cause To Effect"
        );
        assert_eq!(display_name("My Own Scheme"), "My Own Scheme");
    }
}
