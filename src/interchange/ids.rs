//! Readable, unique ids for imported nodes and sources.

use std::collections::{HashMap, HashSet};

/// Lower-case words of `text` joined by `-`, at most about `max` characters, cut at a word:
/// "Soft drugs should be legal." → `soft-drugs-should-be-legal`. Letters of any script are
/// kept; everything else separates words. May be empty.
pub fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for word in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        let word: String = word.chars().flat_map(char::to_lowercase).collect();
        let len = out.chars().count();
        if len > 0 && len + 1 + word.chars().count() > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        if out.is_empty() && word.chars().count() > max {
            out.extend(word.chars().take(max));
            break;
        }
        out.push_str(&word);
    }
    out
}

/// Hands out ids that are not taken yet: `base`, then `base-2`, `base-3`…
#[derive(Debug, Default)]
pub struct UniqueIds {
    used: HashSet<String>,
    /// The number to try next after each base: every number below it is taken already (ids
    /// are never given back), so thousands of nodes with the same words cost one try each
    /// instead of a count from 2 every time.
    next: HashMap<String, u64>,
}

impl UniqueIds {
    /// Marks `id` as taken; false if it already was.
    pub fn take(&mut self, id: &str) -> bool {
        self.used.insert(id.to_owned())
    }

    /// A free id made from `base` (or `fallback` when `base` is empty).
    pub fn fresh(&mut self, base: &str, fallback: &str) -> String {
        let base = if base.is_empty() { fallback } else { base };
        if self.used.insert(base.to_owned()) {
            return base.to_owned();
        }
        let mut n = self.next.get(base).copied().unwrap_or(2);
        let id = loop {
            let id = format!("{base}-{n}");
            n += 1;
            if self.used.insert(id.clone()) {
                break id;
            }
        };
        self.next.insert(base.to_owned(), n);
        id
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_short_readable_words() {
        assert_eq!(
            slug("Soft drugs should be legal.", 40),
            "soft-drugs-should-be-legal"
        );
        assert_eq!(slug("  Élan — vital!", 40), "élan-vital");
        assert_eq!(slug("one two three four", 9), "one-two");
        assert_eq!(slug("Supercalifragilistic", 5), "super");
        assert_eq!(slug("!!!", 10), "");
    }

    #[test]
    fn fresh_ids_never_repeat() {
        let mut ids = UniqueIds::default();
        assert!(ids.take("a"));
        assert_eq!(ids.fresh("a", "x"), "a-2");
        assert_eq!(ids.fresh("a", "x"), "a-3");
        assert_eq!(ids.fresh("", "node"), "node");
        assert_eq!(ids.fresh("", "node"), "node-2");
        assert!(!ids.take("a-2"));
        // A numbered id taken on its own is skipped, as before.
        assert!(ids.take("b-2"));
        assert_eq!(ids.fresh("b", "x"), "b");
        assert_eq!(ids.fresh("b", "x"), "b-3");
        assert!(ids.take("b-5"));
        assert_eq!(ids.fresh("b", "x"), "b-4");
        assert_eq!(ids.fresh("b", "x"), "b-6");
    }
}
