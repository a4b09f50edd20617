//! A changed text shown as its changed words, the way `git diff --word-diff` shows them:
//! `…a few words [-removed-]{+added+} around…`.
//!
//! Bounded for huge texts: the word diff runs under a deadline (after it, `similar` gives a
//! coarser but still correct diff), and what is shown is cut to a few changes of a few hundred
//! characters each.

use similar::{Algorithm, ChangeTag, TextDiff};
use std::time::{Duration, Instant};

/// Words of unchanged text shown on each side of a change.
const CONTEXT_WORDS: usize = 4;
/// Changes shown; the rest are counted.
const MAX_CHANGES: usize = 12;
/// Characters shown of one removed or added run.
const MAX_RUN_CHARS: usize = 200;
/// Time one text's word diff may take before `similar` settles for a coarser answer.
const DEADLINE: Duration = Duration::from_millis(200);

/// One stretch of the compared texts: unchanged, or what was removed and what was added there.
#[derive(Debug)]
enum Stretch {
    Same(String),
    Changed { removed: String, added: String },
}

/// The stretches of `old` → `new`, word by word, with a change's runs joined across the
/// spaces between them (`[-a b-]{+c d+}`, not `[-a-]{+c+} [-b-]{+d+}`).
fn stretches(old: &str, new: &str, deadline: Instant) -> Vec<Stretch> {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .deadline(deadline)
        .diff_words(old, new);
    let mut out: Vec<Stretch> = Vec::new();
    for change in diff.iter_all_changes() {
        let value = change.value();
        match (change.tag(), out.last_mut()) {
            (ChangeTag::Equal, Some(Stretch::Same(text))) => text.push_str(value),
            (ChangeTag::Equal, _) => out.push(Stretch::Same(value.to_owned())),
            (tag, last) => {
                if !matches!(last, Some(Stretch::Changed { .. })) {
                    out.push(Stretch::Changed {
                        removed: String::new(),
                        added: String::new(),
                    });
                }
                if let Some(Stretch::Changed { removed, added }) = out.last_mut() {
                    match tag {
                        ChangeTag::Delete => removed.push_str(value),
                        _ => added.push_str(value),
                    }
                }
            }
        }
    }
    join_across_spaces(out)
}

fn join_across_spaces(stretches: Vec<Stretch>) -> Vec<Stretch> {
    let mut out: Vec<Stretch> = Vec::with_capacity(stretches.len());
    let mut pending_space: Option<String> = None;
    for stretch in stretches {
        match stretch {
            Stretch::Same(text)
                if text.trim().is_empty()
                    && matches!(out.last(), Some(Stretch::Changed { .. })) =>
            {
                if let Some(space) = pending_space.replace(text) {
                    out.push(Stretch::Same(space));
                }
            }
            Stretch::Changed { removed, added } => match (pending_space.take(), out.last_mut()) {
                (
                    Some(space),
                    Some(Stretch::Changed {
                        removed: r,
                        added: a,
                    }),
                ) => {
                    r.push_str(&space);
                    r.push_str(&removed);
                    a.push_str(&space);
                    a.push_str(&added);
                }
                (space, _) => {
                    out.extend(space.map(Stretch::Same));
                    out.push(Stretch::Changed { removed, added });
                }
            },
            same => {
                out.extend(pending_space.take().map(Stretch::Same));
                out.push(same);
            }
        }
    }
    out.extend(pending_space.map(Stretch::Same));
    out
}

/// Line breaks, tabs and invisible characters (such as direction overrides) as escapes, as
/// `{:?}` shows them; quotes and backslashes as they are (nothing here is quoted).
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' | '\'' | '\\' => out.push(c),
            _ => out.extend(c.escape_debug()),
        }
    }
    out
}

/// `text` cut to `max` characters, saying how many more there were.
fn cut(text: &str, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => escaped(text),
        Some((end, _)) => format!(
            "{}… ({} more characters)",
            escaped(&text[..end]),
            text[end..].chars().count()
        ),
    }
}

/// Byte offsets where the words of `text` start (stateless, so it runs backwards too).
fn word_starts(text: &str) -> impl DoubleEndedIterator<Item = usize> + '_ {
    text.char_indices()
        .filter(|&(i, c)| {
            !c.is_whitespace()
                && text[..i]
                    .chars()
                    .next_back()
                    .is_none_or(char::is_whitespace)
        })
        .map(|(i, _)| i)
}

/// The first `k` words of `text`, or all of it when it has no more.
fn head(text: &str, k: usize) -> (&str, bool) {
    match word_starts(text).nth(k) {
        Some(end) => (text[..end].trim_end(), true),
        None => (text, false),
    }
}

/// The last `k` (at least one) words of `text`, or all of it when it has no more.
fn tail(text: &str, k: usize) -> (&str, bool) {
    match word_starts(text).rev().nth(k.max(1) - 1) {
        Some(start) if !text[..start].trim().is_empty() => (&text[start..], true),
        _ => (text, false),
    }
}

/// The unchanged text before a change, after one, or between two, cut to a few words on the
/// side of each change.
fn context(text: &str, before_change: bool, after_change: bool) -> String {
    match (after_change, before_change) {
        (true, true) if word_starts(text).count() > 2 * CONTEXT_WORDS + 1 => {
            let (start, _) = head(text, CONTEXT_WORDS);
            let (end, _) = tail(text, CONTEXT_WORDS);
            format!("{} … {}", escaped(start), escaped(end))
        }
        (true, false) => {
            let (start, cut) = head(text, CONTEXT_WORDS);
            format!("{}{}", escaped(start), if cut { "…" } else { "" })
        }
        (false, true) => {
            let (end, cut) = tail(text, CONTEXT_WORDS);
            format!("{}{}", if cut { "…" } else { "" }, escaped(end))
        }
        _ => escaped(text),
    }
}

/// `old` → `new` as changed words in their context: `…word [-old words-]{+new words+} word…`;
/// `None` when the texts have no word in common (then the two versions say it better).
pub fn word_changes(old: &str, new: &str) -> Option<String> {
    let stretches = stretches(old, new, Instant::now() + DEADLINE);
    let shares_words = stretches
        .iter()
        .any(|s| matches!(s, Stretch::Same(text) if !text.trim().is_empty()));
    if !shares_words {
        return None;
    }
    let changes = stretches
        .iter()
        .filter(|s| matches!(s, Stretch::Changed { .. }))
        .count();
    let mut out = String::new();
    let mut shown = 0;
    for (i, stretch) in stretches.iter().enumerate() {
        match stretch {
            Stretch::Same(text) => {
                let after_change = i > 0;
                let before_change = i + 1 < stretches.len() && shown < MAX_CHANGES;
                out.push_str(&context(text, before_change, after_change));
            }
            Stretch::Changed { removed, added } => {
                if shown == MAX_CHANGES {
                    out.push_str(&format!(" … ({} more changes)", changes - shown));
                    break;
                }
                shown += 1;
                if !removed.is_empty() {
                    out.push_str(&format!("[-{}-]", cut(removed, MAX_RUN_CHARS)));
                }
                if !added.is_empty() {
                    out.push_str(&format!("{{+{}+}}", cut(added, MAX_RUN_CHARS)));
                }
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_changes(old: &str, new: &str) -> String {
        super::word_changes(old, new).expect("the texts share words")
    }

    #[test]
    fn shows_the_changed_words_with_a_little_context() {
        assert_eq!(
            word_changes(
                "one two three four five six seven eight nine ten",
                "one two three four FIVE six seven eight nine ten"
            ),
            "one two three four [-five-]{+FIVE+} six seven eight nine…"
        );
        assert_eq!(word_changes("a b", "a b c"), "a b{+ c+}");
        assert_eq!(word_changes("x y z", "q r z"), "[-x y-]{+q r+} z");
        assert_eq!(super::word_changes("x y", "q r"), None, "nothing in common");
    }

    #[test]
    fn escapes_line_breaks_and_cuts_long_runs() {
        assert_eq!(word_changes("a\nb", "a\nc"), "a\\n[-b-]{+c+}");
        assert_eq!(
            word_changes("it's \"x\" now", "it's \"y\" now"),
            "it's [-\"x\"-]{+\"y\"+} now"
        );
        assert_eq!(word_changes("a b", "a \u{202e}b"), "a [-b-]{+\\u{202e}b+}");
        let long = "word ".repeat(100);
        let shown = word_changes("start", &format!("start {long}"));
        assert!(shown.contains("more characters)+}"), "{shown}");
        assert!(shown.chars().count() < 300, "{shown}");
    }

    #[test]
    fn many_changes_are_counted_not_all_shown() {
        let old: Vec<String> = (0..100).map(|i| format!("w{i}")).collect();
        let mut new = old.clone();
        for w in new.iter_mut().step_by(5) {
            w.push('x');
        }
        let shown = word_changes(&old.join(" "), &new.join(" "));
        assert_eq!(shown.matches("{+").count(), MAX_CHANGES, "{shown}");
        assert!(shown.ends_with(" … (8 more changes)"), "{shown}");
    }
}
